package org.openenvelope.testing;

import java.net.URI;

/** An account that seals envelopes, as its provisioning sets it up: a domain of its own and a gateway token. */
public record SendingAccount(String number, String domain, ApiClient api) {

    public static SendingAccount create(URI base, String label) {
        PortalClient administrator = PortalSteps.serviceAdministrator(base);
        ApiClient service = new ApiClient(base, PortalSteps.createServiceToken(administrator, label + " provisioning"));
        String number = ApiSteps.createAccount(service, Fixtures.unique(label));
        String domain = Fixtures.uniqueDomain();
        ApiSteps.addDomains(service, number, domain);
        return new SendingAccount(number, domain, new ApiClient(base, PortalSteps.createAccountToken(administrator, number,
                label + " gateway")));
    }

    public String envelopes() {
        return "/api/v1/accounts/" + number + "/envelopes";
    }

    public String envelope(String id) {
        return envelopes() + "/" + id;
    }
}
