package org.openenvelope.recipient;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openenvelope.error.TooManyRequestsException;
import org.openenvelope.security.RateLimiter;
import org.openenvelope.security.RateLimits;

/**
 * Per node: how often a client and an address may ask for mail (codes, links), try to sign in and reply, on top of the
 * single-use codes that die after a few wrong guesses and the password lockout. The limits are the same for
 * every address, known or not, so they reveal nothing.
 */
@ApplicationScoped
public class RecipientRateLimits {

    @Inject
    @ConfigProperty(name = "openenvelope.recipient.rate-limit.mails-per-address", defaultValue = "3")
    int mailsPerAddress;

    @Inject
    @ConfigProperty(name = "openenvelope.recipient.rate-limit.requests-per-client", defaultValue = "60")
    int requestsPerClient;

    @Inject
    @ConfigProperty(name = "openenvelope.recipient.rate-limit.sign-ins-per-address", defaultValue = "10")
    int signInsPerAddress;

    @Inject
    @ConfigProperty(name = "openenvelope.recipient.rate-limit.replies-per-address", defaultValue = "10")
    int repliesPerAddress;

    @Inject
    @ConfigProperty(name = "openenvelope.recipient.rate-limit.large-posts-per-client", defaultValue = "20")
    int largePostsPerClient;

    @Inject
    RateLimits rateLimits;

    private RateLimiter large;
    private RateLimiter mails;
    private RateLimiter replies;
    private RateLimiter clients;
    private RateLimiter signIns;

    @PostConstruct
    void start() {
        mails = rateLimits.perMinute("recipient_mails_per_address", mailsPerAddress);
        clients = rateLimits.perMinute("recipient_requests_per_client", requestsPerClient);
        signIns = rateLimits.perMinute("recipient_sign_ins_per_address", signInsPerAddress);
        replies = rateLimits.perMinute("recipient_replies_per_address", repliesPerAddress);
        large = rateLimits.perMinute("recipient_large_posts_per_client", largePostsPerClient);
    }

    /** @throws TooManyRequestsException past the limits for mail to this address or from this client */
    public void mail(String client, String address) {
        refuseIf(clients.acquire(client), "Too many requests from your network");
        refuseIf(mails.acquire(key(address)), "Too many messages were asked for this address; wait a minute");
    }

    /** @throws TooManyRequestsException past the limit of requests from this client */
    public void client(String client) {
        refuseIf(clients.acquire(client), "Too many requests from your network");
    }

    /** @throws TooManyRequestsException past the limits for sign-in attempts */
    public void signIn(String client, String address) {
        refuseIf(clients.acquire(client), "Too many requests from your network");
        refuseIf(signIns.acquire(key(address)), "Too many sign-in attempts for this address; wait a minute");
    }

    /** @throws TooManyRequestsException past the limit for Secure Replies and forwards by this recipient */
    public void reply(String address) {
        refuseIf(replies.acquire(key(address)), "Too many replies in a minute; wait a moment");
    }

    /** @throws TooManyRequestsException past the limit for posts that may carry a whole envelope, before reading one */
    public void largeBody(String client) {
        refuseIf(large.acquire(client), "Too many messages opened from your network in a minute; wait a moment");
    }

    private static String key(String address) {
        return address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
    }

    private static void refuseIf(Optional<Duration> wait, String what) {
        if (wait.isPresent()) {
            throw new TooManyRequestsException(what, wait.get());
        }
    }
}
