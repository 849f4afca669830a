"""Partner associations of the network: their pages and the groups that publish for them."""
