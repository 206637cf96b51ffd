#!/usr/bin/env python3
"""Signs requests with botocore's own SigV4 signer, for the differential test of the Swift one.

Reads a JSON list of requests on stdin, each with the unencoded path and query parameters, and
prints a JSON list of the Authorization headers botocore computes, in the same order. botocore
does its own encoding: the path with `quote(path, safe='/~')` (what its S3 serializer sends),
the query through the request's params, the body's hash from the body itself.

    {"service": "s3", "region": "us-east-1", "accessKey": "...", "secretKey": "...",
     "sessionToken": null, "timestamp": "20260102T030405Z", "method": "GET",
     "scheme": "https", "host": "bucket.s3.amazonaws.com", "path": "/a b",
     "query": [["prefix", "x"]], "headers": [["Range", "bytes=0-9"]],
     "body": "hex bytes", "unsignedPayload": false}
"""
import datetime
import json
import sys
from unittest import mock
from urllib.parse import quote

from botocore.auth import S3SigV4Auth, SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials


class _S3Config:
    """The part of a client config botocore's S3 signer reads to decide on payload signing."""

    def __init__(self, sign_payload):
        self.s3 = {"payload_signing_enabled": sign_payload}


def authorization(case):
    url = f"{case['scheme']}://{case['host']}{quote(case['path'], safe='/~')}"
    request = AWSRequest(method=case["method"], url=url, data=bytes.fromhex(case["body"]),
                         params=[tuple(pair) for pair in case["query"]])
    for name, value in case["headers"]:
        request.headers[name] = value  # an email.message.Message: a repeated name is kept twice
    if case["unsignedPayload"]:
        request.context["payload_signing_enabled"] = False
        request.context["client_config"] = _S3Config(False)
    credentials = Credentials(case["accessKey"], case["secretKey"], case.get("sessionToken"))
    signer_class = S3SigV4Auth if case["service"] == "s3" else SigV4Auth
    signer = signer_class(credentials, case["service"], case["region"])
    instant = datetime.datetime.strptime(case["timestamp"], "%Y%m%dT%H%M%SZ")
    with mock.patch("botocore.auth.get_current_datetime", return_value=instant):
        signer.add_auth(request)
    return request.headers["Authorization"]


def main():
    cases = json.load(sys.stdin)
    json.dump([authorization(case) for case in cases], sys.stdout)


if __name__ == "__main__":
    main()
