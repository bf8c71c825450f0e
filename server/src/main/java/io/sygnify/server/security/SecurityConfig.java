package io.sygnify.server.security;

import io.sygnify.server.accounts.AccountsProperties;
import io.sygnify.server.accounts.Authenticator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Who may call what (docs/security.md). Identity comes from {@link CredentialFilter} on every request; no
 * security context is stored between requests.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    @Bean
    SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, Authenticator authenticator,
                                               AccountsProperties properties) {
        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookiePath("/");
        return http
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(
                        org.springframework.security.web.server.savedrequest.NoOpServerRequestCache.getInstance()))
                // SecurityHeaders writes our headers; Spring's defaults would also forbid caching the hashed assets.
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .cors(cors -> cors.configurationSource(corsSource(properties)))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens)
                        // The SPA echoes the cookie's value; the XOR-masked default suits server-rendered forms.
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(new CookieAuthenticatedStateChange())
                        .accessDeniedHandler((exchange, denied) -> ProblemResponses.write(exchange.getResponse(),
                                HttpStatus.FORBIDDEN, "csrf_token_invalid", "This change needs the X-XSRF-TOKEN "
                                        + "header with the value of the XSRF-TOKEN cookie.")))
                .addFilterAt(new CredentialFilter(authenticator), SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAfter(new CsrfCookieFilter(), SecurityWebFiltersOrder.CSRF)
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, e) -> ProblemResponses.write(exchange.getResponse(),
                                HttpStatus.UNAUTHORIZED, "unauthenticated",
                                "Sign in, or send Authorization: Bearer <API token>."))
                        .accessDeniedHandler((exchange, e) -> ProblemResponses.write(exchange.getResponse(),
                                HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this.")))
                .authorizeExchange(rules -> rules
                        .pathMatchers("/api/auth/login", "/api/auth/logout").permitAll()
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers("/actuator/**").hasRole("ADMIN")
                        .pathMatchers("/api/admin/**", "/api/system/**", "/api/activity", "/api/activity/**")
                        .hasRole("ADMIN")
                        .pathMatchers(HttpMethod.POST, "/api/jobs").hasAnyRole("ADMIN", "ANALYST")
                        .pathMatchers("/api/**").authenticated()
                        // The web app's files, /docs and /api-docs are public; /ws checks its own handshake
                        // so that it can close with 4401, which browsers can read, instead of a bare 401.
                        .anyExchange().permitAll())
                .build();
    }

    /** Closed unless origins are configured; then bearer-token calls only (no cookies across origins). */
    private static UrlBasedCorsConfigurationSource corsSource(AccountsProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!properties.corsAllowedOrigins().isEmpty()) {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(properties.corsAllowedOrigins());
            config.addAllowedMethod("*");
            config.addAllowedHeader("Authorization");
            config.addAllowedHeader("Content-Type");
            config.addAllowedHeader("Last-Event-ID");
            config.setAllowCredentials(false);
            source.registerCorsConfiguration("/api/**", config);
        }
        return source;
    }
}
