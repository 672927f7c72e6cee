/**
 * The service's MicroProfile Health checks, at Payara's {@code /health/live} and {@code /health/ready}. They are in
 * the web module, which both packagings deploy as a web application (the WAR on Payara Micro, the EAR's web module
 * on Payara Server, checked by EarOnPayaraServerIT), so the server's health service finds them in either.
 */
package org.openenvelope.health;
