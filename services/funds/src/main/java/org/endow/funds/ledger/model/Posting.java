package org.endow.funds.ledger.model;

import java.util.Objects;
import org.endow.kernel.Money;

/** One line of a journal entry: an amount on one side of one account of one fund. */
public record Posting(Account account, String fundCode, Side side, Money amount) {

    public Posting {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(fundCode, "fundCode");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a posting is a positive amount on one side");
        }
    }

    public static Posting debit(Account account, String fundCode, Money amount) {
        return new Posting(account, fundCode, Side.DEBIT, amount);
    }

    public static Posting credit(Account account, String fundCode, Money amount) {
        return new Posting(account, fundCode, Side.CREDIT, amount);
    }

    /** The posting's effect on its account's balance, in the account's normal direction. */
    public Money signedForBalance() {
        return side == account.normalSide() ? amount : amount.negate();
    }
}
