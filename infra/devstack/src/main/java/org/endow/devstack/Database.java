package org.endow.devstack;

/** A database and the role that owns it, as an application connects to it. */
public record Database(String jdbcUrl, String username, String password) {

    @Override
    public String toString() {
        return "Database[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password=***]";
    }
}
