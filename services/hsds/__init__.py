"""Open Referral HSDS 3.0: the help points as organizations, services, locations and
service-at-locations, in an API shaped as HSDS 3.0's OpenAPI description (`/api/hsds/`),
a full export (`/api/help-points/hsds/`) and the OpenAPI description of our own API
(`/api/openapi.json`)."""

HSDS_VERSION = "3.0"
