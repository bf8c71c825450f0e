package io.sygnify.server.accounts;

import java.util.Arrays;
import java.util.Optional;

/** What a user may do (docs/security.md). An administrator may do everything an analyst may. */
public enum Role {
    ADMIN, ANALYST, VIEWER;

    public boolean mayUpload() {
        return this != VIEWER;
    }

    public static Optional<Role> parse(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(name == null ? "" : name.strip()))
                .findFirst();
    }
}
