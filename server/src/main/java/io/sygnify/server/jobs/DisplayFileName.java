package io.sygnify.server.jobs;

/** Makes a client-supplied file name safe to store and show: no path, no control characters, bounded length. */
final class DisplayFileName {

    private static final int MAX_LENGTH = 200;

    private DisplayFileName() {
    }

    static String sanitise(String raw) {
        if (raw == null || raw.isBlank()) {
            return "upload.csv";
        }
        String name = raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "upload.csv";
        }
        return name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH);
    }
}
