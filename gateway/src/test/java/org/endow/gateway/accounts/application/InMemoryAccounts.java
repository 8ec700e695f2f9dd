package org.endow.gateway.accounts.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.endow.gateway.accounts.model.Account;
import org.endow.gateway.accounts.model.AccountId;
import org.endow.gateway.accounts.model.Accounts;
import org.endow.gateway.accounts.model.AuditEntry;
import org.endow.gateway.accounts.model.AuditLog;
import org.endow.gateway.accounts.model.Email;
import org.endow.gateway.accounts.model.PasswordHasher;
import org.endow.gateway.accounts.model.Role;

final class InMemoryAccounts implements Accounts, AuditLog {

    final Map<AccountId, Account> accounts = new LinkedHashMap<>();
    final List<AuditEntry> audit = new ArrayList<>();

    @Override
    public boolean add(Account account) {
        if (findByEmail(account.email()).isPresent()) {
            return false;
        }
        accounts.put(account.id(), account);
        return true;
    }

    @Override
    public void update(Account account) {
        accounts.put(account.id(), account);
    }

    @Override
    public void recordSignIn(Account account) {
        update(account);
    }

    @Override
    public Optional<Account> findForUpdate(AccountId id) {
        return find(id);
    }

    @Override
    public Optional<Account> find(AccountId id) {
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public Optional<Account> findByEmail(Email email) {
        return accounts.values().stream().filter(a -> a.email().equals(email)).findFirst();
    }

    @Override
    public boolean anyWithRole(Role role) {
        return accounts.values().stream().anyMatch(a -> a.roles().contains(role));
    }

    @Override
    public void record(AuditEntry entry) {
        audit.add(entry);
    }

    @Override
    public List<AuditEntry> latest(int limit) {
        return audit.reversed().stream().limit(limit).toList();
    }

    /** A transparent "hash" for use-case tests; the real one is tested on its own. */
    static final PasswordHasher PLAIN = new PasswordHasher() {
        @Override
        public String hash(String password) {
            return "plain:" + password;
        }

        @Override
        public boolean matches(String password, String hash) {
            return hash.equals("plain:" + password);
        }
    };
}
