-- Pending sign-in requests are kept sealed in the starting browser's cookie (PendingSignIns); the table keeps the
-- LogoutRequests only. Sign-ins started before the upgrade are started again.
DELETE FROM saml_outstanding_request WHERE purpose <> 'LOGOUT';
ALTER TABLE saml_outstanding_request DROP COLUMN sso_test_id;
ALTER TABLE saml_outstanding_request DROP COLUMN relay_state;
ALTER TABLE saml_outstanding_request DROP COLUMN browser_digest;
