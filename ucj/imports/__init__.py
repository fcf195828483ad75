"""Safe imports of a Pemda's own figures: read a file, check every row, store it all or nothing.

reading → columns/values/areas → a kind's checks → commit (one transaction, a versioned
import_batch that can be rolled back). Every problem is an `ImportRejected`, never a crash.
"""
