-- The Templates tab: an account's own wording of the notification mail, per language, and the language it uses.
CREATE SEQUENCE notification_template_id_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE notification_template (
    id          BIGINT PRIMARY KEY,
    account_id  BIGINT         NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    language    VARCHAR(8)     NOT NULL,
    subject     VARCHAR(400)   NOT NULL,
    text_body   VARCHAR(8000)  NOT NULL,
    html_body   VARCHAR(16000) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(254)   NOT NULL,
    version     BIGINT         NOT NULL,
    CONSTRAINT notification_template_language_unique UNIQUE (account_id, language),
    CONSTRAINT notification_template_language_known CHECK (language IN ('EN', 'DE', 'FR'))
);
CREATE TABLE notification_language (
    account_id  BIGINT       PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    language    VARCHAR(8)   NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(254) NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT notification_language_known CHECK (language IN ('EN', 'DE', 'FR'))
);
