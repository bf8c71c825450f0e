package io.sygnify.server.accounts;

/** A secret presented by a client, before it is checked. */
public record Credential(Kind kind, String secret) {

    public enum Kind { SESSION, TOKEN }

    @Override
    public String toString() {
        return "Credential[" + kind + "]";
    }
}
