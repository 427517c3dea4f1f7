package org.lifecircle.web.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes who did what to the append-only {@code audit_event} table (V006): imports, runs, plan
 * edits, adoptions, account changes and sign-ins. The actor is the signed-in account of the current
 * request.
 */
@Service
public class AuditLog {
    /** The actor of work no account asked for: the first start, a run's own end. */
    public static final String SYSTEM = "system";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    AuditLog(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Records an action of the current request's account.
     *
     * @param action a dotted verb such as {@code plan.adopted}
     * @param target what it acted on, such as {@code plan:3}; null for nothing in particular
     * @param detail what else an auditor needs to know; values must be JSON-writable
     */
    public void record(String action, String target, Map<String, ?> detail) {
        recordAs(currentActor(), action, target, detail);
    }

    /** Records an action of a named actor: {@link #SYSTEM}, or {@code cli:<user>} from the command line. */
    public void recordAs(String actor, String action, String target, Map<String, ?> detail) {
        jdbc.update(
                "INSERT INTO audit_event (actor, action, target, detail, remote_addr) VALUES (?, ?, ?, ?::jsonb, ?)",
                actor,
                action,
                target,
                json.writeValueAsString(detail == null ? Map.of() : detail),
                remoteAddress());
    }

    /** The signed-in account of this thread's request, or {@code anonymous}. */
    public static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return "anonymous";
        }
        return authentication.getName();
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
