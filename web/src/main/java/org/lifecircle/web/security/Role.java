package org.lifecircle.web.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.lifecircle.web.common.BadParameterException;

/**
 * What an account may do. Each role includes the ones before it: a viewer (officials) reads maps,
 * tables and OGC layers and asks what-if questions; a planner also starts runs and edits plans; an
 * admin also imports data, adopts plans and manages accounts.
 */
public enum Role {
    VIEWER,
    PLANNER,
    ADMIN;

    /** The name stored in the database and spoken by the API: {@code viewer}, … */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority, {@code ROLE_VIEWER}, … */
    public String authority() {
        return "ROLE_" + name();
    }

    /** @throws BadParameterException for anything but viewer, planner or admin */
    public static Role parse(String parameter, String key) {
        return Arrays.stream(values())
                .filter(role -> role.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new BadParameterException(
                        parameter,
                        parameter + " must be one of "
                                + Arrays.stream(values()).map(Role::key).collect(Collectors.joining(", "))
                                + ", got " + key));
    }
}
