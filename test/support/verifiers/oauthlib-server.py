"""
A real OAuth 1.0a verifier: python oauthlib's ResourceEndpoint behind http.server on 127.0.0.1,
with RequestValidator's default limits (nonce, client key and token lengths 20-30 characters of
[A-Za-z0-9], timestamp lifetime 600 s). Only enforce_ssl is turned off: the test talks plain HTTP
on loopback. Prints the port on its first line. Every request is answered with JSON saying
whether oauthlib accepted it and, if not, which check failed.

Run with Debian's /usr/bin/python3 (python3-oauthlib). Argv: consumer key, consumer secret,
token, token secret.
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from oauthlib.oauth1 import RequestValidator, ResourceEndpoint

CONSUMER_KEY, CONSUMER_SECRET, TOKEN, TOKEN_SECRET = sys.argv[1:5]
USED_NONCES = set()
FAILED = []


class Validator(RequestValidator):
    enforce_ssl = False  # loopback HTTP; every length and character limit stays oauthlib's

    @property
    def dummy_client(self):
        return "dummy_client_key_abcdefgh"

    @property
    def dummy_access_token(self):
        return "dummy_access_token_abcdefg"

    def validate_client_key(self, client_key, request):
        return client_key == CONSUMER_KEY

    def get_client_secret(self, client_key, request):
        return CONSUMER_SECRET if client_key == CONSUMER_KEY else "dummy-secret"

    def validate_access_token(self, client_key, token, request):
        return token == TOKEN

    def get_access_token_secret(self, client_key, token, request):
        return TOKEN_SECRET if token == TOKEN else "dummy-secret"

    def validate_timestamp_and_nonce(self, client_key, timestamp, nonce, request, request_token=None, access_token=None):
        if (client_key, nonce) in USED_NONCES:
            return False
        USED_NONCES.add((client_key, nonce))
        return True

    def validate_realms(self, client_key, token, request, uri=None, realms=None):
        return True

    def check_nonce(self, nonce):
        ok = super().check_nonce(nonce)
        if not ok:
            FAILED.append("nonce")
        return ok


ENDPOINT = ResourceEndpoint(Validator())


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _handle(self):
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length).decode("utf-8") if length else None
        uri = "http://%s%s" % (self.headers["host"], self.path)
        del FAILED[:]
        try:
            valid, request = ENDPOINT.validate_protected_resource_request(uri, http_method=self.command, body=body, headers=dict(self.headers.items()))
            nonce = getattr(request, "nonce", None) or getattr(request, "oauth_params", {}).get("oauth_nonce")
            reply = {"valid": bool(valid), "failed": list(FAILED), "nonce": nonce}
        except Exception as error:  # oauthlib raises for malformed requests
            reply = {"valid": False, "failed": list(FAILED) + [type(error).__name__ + ": " + str(error)], "nonce": None}
        data = json.dumps(reply).encode("utf-8")
        self.send_response(200 if reply["valid"] else 401)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = _handle
    do_POST = _handle


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
