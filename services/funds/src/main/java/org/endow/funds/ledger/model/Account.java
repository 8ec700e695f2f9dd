package org.endow.funds.ledger.model;

/**
 * The ledger's accounts. Every line also names a fund (the funded item's code), so each account
 * is kept per fund: restricted money never mixes with another item's.
 */
public enum Account {
    /** Asset: money received for the fund (bank, cheque, card settlements). Debit-normal. */
    CASH("cash", Side.DEBIT),
    /** Asset: goods and services given in kind (a venue, travel), at the value staff recorded. Debit-normal. */
    IN_KIND("in-kind", Side.DEBIT),
    /** Asset: gifts promised and not yet received. Debit-normal. */
    PLEDGES_RECEIVABLE("pledges-receivable", Side.DEBIT),
    /** Expense: grant money paid out of the fund (milestone disbursements). Debit-normal. */
    GRANTS_PAID("grants-paid", Side.DEBIT),
    /** Net assets of the fund: what has been given to it, promised or paid. Credit-normal. */
    FUND_BALANCE("fund-balance", Side.CREDIT);

    private final String code;
    private final Side normalSide;

    Account(String code, Side normalSide) {
        this.code = code;
        this.normalSide = normalSide;
    }

    public String code() {
        return code;
    }

    public Side normalSide() {
        return normalSide;
    }

    public static Account ofCode(String code) {
        for (Account account : values()) {
            if (account.code.equals(code)) {
                return account;
            }
        }
        throw new IllegalArgumentException("unknown account " + code);
    }
}
