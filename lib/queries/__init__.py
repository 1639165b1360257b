"""Read side: aggregations done in the database, returned as tidy DataFrames."""
