"""One message catalog per area; see ``lib.i18n``."""
