-- Loyalty moved to loyalty-service (A04), which keeps its own ledger in its own database. customer-service no
-- longer consumes order.confirmed.v1 for points, so its old tables go.
drop table if exists loyalty_ledger;
drop table if exists loyalty_account;
