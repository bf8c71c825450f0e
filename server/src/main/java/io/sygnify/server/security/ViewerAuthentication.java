package io.sygnify.server.security;

import java.util.List;

import io.sygnify.server.accounts.Viewer;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request proven to come from {@link Viewer}; its authority is {@code ROLE_<role>}. */
final class ViewerAuthentication extends AbstractAuthenticationToken {

    private final Viewer viewer;

    ViewerAuthentication(Viewer viewer) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + viewer.role().name())));
        this.viewer = viewer;
        setAuthenticated(true);
    }

    @Override
    public Viewer getPrincipal() {
        return viewer;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return viewer.username();
    }
}
