"""What each person takes home: the summaries (summaries), their layout, their
rendering as text and as a page (render), the files and archive (files), the
links they travel in (share) and the next session's calendar entry (calendar)."""
