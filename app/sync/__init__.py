"""Between devices and over time: the Cercle file (file_format), what restore accepts
(restore), the merge, the encryption envelope, and how the workspace lies in
localStorage (shards). docs/architecture.md."""
