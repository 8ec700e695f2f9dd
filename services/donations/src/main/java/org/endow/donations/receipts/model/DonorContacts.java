package org.endow.donations.receipts.model;

import java.util.Optional;
import org.endow.donations.giving.model.DonorId;

/** Names and email addresses of donors, as they signed in. */
public interface DonorContacts {

    record Contact(String name, String email) {}

    void remember(DonorId donor, Contact contact);

    Optional<Contact> find(DonorId donor);
}
