-- The effect of the test consumers of DeadLettersIntegrationTests, written in the inbox's transaction.
create table if not exists test_effect (
    consumer text not null,
    subject  text not null
);
