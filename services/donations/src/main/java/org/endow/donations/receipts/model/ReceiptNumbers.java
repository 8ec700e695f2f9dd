package org.endow.donations.receipts.model;

/** Hands out receipt numbers without gaps: a number taken in a transaction that rolls back is given back. */
public interface ReceiptNumbers {

    ReceiptNumber next(int year);
}
