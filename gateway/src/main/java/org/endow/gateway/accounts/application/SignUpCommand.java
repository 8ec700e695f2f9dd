package org.endow.gateway.accounts.application;

public record SignUpCommand(String email, String displayName, String password) {

    @Override
    public String toString() {
        return "SignUpCommand[email=" + email + ", displayName=" + displayName + ", password=***]";
    }
}
