package io.sygnify.server.accounts;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A row of {@code users}. The password hash never leaves the server. */
public record UserAccount(String id, String username, @JsonIgnore String passwordHash, Role role, boolean enabled,
                          OffsetDateTime createdAt) {
}
