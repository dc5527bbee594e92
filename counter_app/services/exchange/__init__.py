"""The exchange between offline offices and the provincial centre (issue 15; docs/exchange.md)."""
