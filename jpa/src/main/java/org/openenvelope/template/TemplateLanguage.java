package org.openenvelope.template;

/** The languages the notification mail can be written in; each has the service's own wording to start from. */
public enum TemplateLanguage {
    EN("English"),
    DE("Deutsch"),
    FR("Français");

    private final String label;

    TemplateLanguage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
