package org.openenvelope.saml;

/** ACTIVE is in force for sign-ins; DRAFT is what an administrator edits and tests before enabling it. */
public enum IdpStage {
    DRAFT, ACTIVE
}
