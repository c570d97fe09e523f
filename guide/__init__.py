"""The guided tour: one page per topic of the Interop documentation, with the code that implements it."""
