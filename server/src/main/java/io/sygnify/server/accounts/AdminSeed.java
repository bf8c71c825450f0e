package io.sygnify.server.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sygnify.admin.*}, normally from the environment: {@code SYGNIFY_ADMIN_PASSWORD} (the first admin's
 * password) and {@code SYGNIFY_ADMIN_TOKEN} (an admin API token for automated deployments). Both optional.
 */
@ConfigurationProperties("sygnify.admin")
record AdminSeed(String password, String token) {

    @Override
    public String toString() {
        return "AdminSeed[secrets hidden]";
    }
}
