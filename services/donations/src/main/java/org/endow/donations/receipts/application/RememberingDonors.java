package org.endow.donations.receipts.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.endow.donations.giving.model.DonorId;
import org.endow.donations.receipts.model.DonorContacts;

/** Keeps the name and email a donor signed in with, so that their receipts reach them. */
@Singleton
public class RememberingDonors {

    private final DonorContacts contacts;

    RememberingDonors(DonorContacts contacts) {
        this.contacts = contacts;
    }

    @Transactional
    public void remember(DonorId donor, String name, String email) {
        if (email == null || email.isBlank()) {
            return;
        }
        contacts.remember(donor, new DonorContacts.Contact(name == null || name.isBlank() ? email : name, email));
    }
}
