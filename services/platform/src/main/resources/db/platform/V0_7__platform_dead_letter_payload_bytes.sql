-- A dead letter's record exactly as it came (any bytes: Confluent-framed Avro starts with 0x00, which a text column
-- refuses, and invalid UTF-8 must not be replaced); replay sends these bytes. The text column keeps the payload for
-- reading and searching when it is text (valid UTF-8 without NUL), and is null otherwise.
alter table dead_letter add column payload_bytes bytea;
update dead_letter set payload_bytes = convert_to(payload, 'UTF8') where payload is not null;
