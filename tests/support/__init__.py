"""What several tests share: a room that plays actions on a clock (room), the reference
stories (halfday, busy_day), every screen and action of a workspace (every_screen), a
protocol played from its screens (protocol_play), files to restore (restored), the
catalogs' checks (catalog_keys), summary outlines and an independent crypto reference."""
