-- The PDFs attached to proposals (what they are is in the proposal's document; the bytes are here).
create table proposal_attachment (
    proposal_id  text   not null references proposal (id),
    name         text   not null,
    content      bytea  not null,
    primary key (proposal_id, name)
);
