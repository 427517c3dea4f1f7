package org.lifecircle.web.audit;

import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Sign-ins on the page and failed sign-ins of any kind go to the audit log. A script's successful
 * HTTP Basic request is not a sign-in: it would log every map tile.
 */
@Component
class SignInAudit {
    private final AuditLog audit;

    SignInAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        String name = event.getAuthentication().getName();
        audit.recordAs(name, "account.signed-in", "account:" + name, Map.of());
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String name = String.valueOf(event.getAuthentication().getName());
        // A database outage is not someone's wrong password, and cannot be written down now anyway.
        if (event.getException()
                instanceof org.springframework.security.authentication.InternalAuthenticationServiceException) {
            return;
        }
        audit.recordAs(
                "anonymous",
                "account.sign-in-failed",
                "account:" + name,
                Map.of("reason", event.getException().getClass().getSimpleName()));
    }
}
