/// What a test reads from a PNG screenshot, decoded by a short Python script (chunks, zlib,
/// the five scanline filters; 8-bit RGB or RGBA): its size, and within columns `0 ..< right`
/// how many distinct colours it holds, how many pixels have each colour asked about, and the
/// colour of the pixel at (2, 2).
struct PNGSummary: Decodable {
    /// The width in pixels.
    let width: Int
    /// The height in pixels.
    let height: Int
    /// Distinct colours in the region.
    let colours: Int
    /// The pixel at (2, 2), as `#rrggbb`.
    let corner: String
    /// How many pixels of the region have each colour asked about, by `#rrggbb`.
    let counts: [String: Int]

    /// Reads the PNG at `path`, counting the pixels of `colours` (`#rrggbb`) left of column
    /// `right` (the whole width when `nil`).
    init(path: String, right: Int? = nil, counting colours: [String]) throws {
        self = try Python.json(PNGSummary.self, Self.script, arguments: [path, String(right ?? -1)] + colours)
    }

    private static let script = #"""
        import collections, json, struct, sys, zlib

        path, right, wanted = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
        data = open(path, "rb").read()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
        position, idat = 8, b""
        while position < len(data):
            length, kind = struct.unpack(">I4s", data[position:position + 8])
            body = data[position + 8:position + 8 + length]
            if kind == b"IHDR":
                width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", body)
                assert depth == 8 and colour_type in (2, 6) and interlace == 0, "unsupported PNG"
            elif kind == b"IDAT":
                idat += body
            position += 12 + length
        channels = 3 if colour_type == 2 else 4
        stride = width * channels
        raw = zlib.decompress(idat)
        right = width if right < 0 else right
        found, previous, corner = collections.Counter(), bytearray(stride), None
        for y in range(height):
            start = y * (stride + 1)
            kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
            if kind == 1:
                for i in range(channels, stride):
                    line[i] = (line[i] + line[i - channels]) & 255
            elif kind == 2:
                line = bytearray((a + b) & 255 for a, b in zip(line, previous))
            elif kind == 3:
                for i in range(stride):
                    line[i] = (line[i] + ((line[i - channels] if i >= channels else 0) + previous[i]) // 2) & 255
            elif kind == 4:
                for i in range(stride):
                    a, b = (line[i - channels], previous[i - channels]) if i >= channels else (0, 0)
                    up = previous[i]
                    p = a + up - b
                    pa, pb, pc = abs(p - a), abs(p - up), abs(p - b)
                    line[i] = (line[i] + (a if pa <= pb and pa <= pc else up if pb <= pc else b)) & 255
            found.update(bytes(line[x:x + 3]) for x in range(0, right * channels, channels))
            if y == 2:
                corner = bytes(line[2 * channels:2 * channels + 3])
            previous = line
        hex_colour = lambda colour: "#" + colour.hex()
        counts = {colour: found.get(bytes.fromhex(colour[1:]), 0) for colour in wanted}
        print(json.dumps({"width": width, "height": height, "colours": len(found), "corner": hex_colour(corner), "counts": counts}))
        """#
}
