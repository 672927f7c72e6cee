package org.openenvelope.account;

/** How an account's users sign in to the user portal (the Details tab's "Authentication method"). */
public enum AuthenticationMethod {
    PASSWORD, SAML
}
