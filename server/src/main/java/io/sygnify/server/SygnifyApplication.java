package io.sygnify.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;

/**
 * Users sign in with Sygnify's own accounts, sessions and API tokens (package {@code security}); Boot's in-memory
 * user with a generated password would only print that password at every start, as if it opened something.
 */
@SpringBootApplication(exclude = ReactiveUserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class SygnifyApplication {

    public static void main(String[] args) {
        SpringApplication.run(SygnifyApplication.class, args);
    }
}
