package org.openenvelope.account;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;

/**
 * The {@code page} query parameter of paged lists, counted from 1 as people do. Anything that is not a positive
 * number (an edited or truncated link) reads as the first page instead of an error: the list is what the
 * administrator came for.
 */
@FacesConverter("org.openenvelope.PageNumber")
public class PageNumberConverter implements Converter<Integer> {

    public static final String ID = "org.openenvelope.PageNumber";

    @Override
    public Integer getAsObject(FacesContext context, UIComponent component, String value) {
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException notANumber) {
            return 1;
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Integer value) {
        return value == null ? "" : value.toString();
    }
}
