package org.openenvelope.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;

/** Switches on Faces 4 CDI integration (EL resolution, injectable Faces artifacts). */
@FacesConfig
@ApplicationScoped
public class FacesConfiguration {
}
