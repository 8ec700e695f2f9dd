package org.endow.sponsors.sponsorships.application;

/** Invoice numbers, sequential without gaps within a year ({@code INV-2027-0001}); taken in the caller's transaction. */
public interface InvoiceNumbers {

    String next(int year);
}
