package org.openenvelope.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openenvelope.security.Caller;
import org.openenvelope.security.CurrentCaller;

/** /admin/ sends each administrator where their work is: all accounts, or their own account. */
@Named
@RequestScoped
public class HomeBean {

    @Inject
    CurrentCaller currentCaller;

    public String start() {
        Caller caller = currentCaller.get();
        return caller.isServiceAdministrator()
                ? "/admin/accounts/index?faces-redirect=true"
                : "/admin/accounts/details?faces-redirect=true&account=" + caller.accountNumber();
    }
}
