package org.endow.funds.ledger.model;

public enum Side {
    DEBIT,
    CREDIT
}
