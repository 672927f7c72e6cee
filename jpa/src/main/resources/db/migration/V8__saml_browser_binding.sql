-- A sign-in's answer counts only in the browser that started it: the digest of that browser's random cookie
-- (NULL for logout requests, and for requests outstanding before this version)
ALTER TABLE saml_outstanding_request ADD COLUMN browser_digest VARCHAR(64);
