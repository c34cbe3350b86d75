/// The red, green and blue values of the 256 palette entries as xterm sets them by default,
/// used to find the nearest entry when a terminal has fewer colours.
///
/// Terminals let users change entries 0–15, so these values are a guess for those. Entries
/// 16–255 are the same in xterm, tmux, GNOME Terminal, kitty and most others.
enum Palette {
    struct RGB: Equatable {
        var red: Int
        var green: Int
        var blue: Int
    }

    private static let basic: [RGB] = [
        RGB(red: 0x00, green: 0x00, blue: 0x00), RGB(red: 0xCD, green: 0x00, blue: 0x00),
        RGB(red: 0x00, green: 0xCD, blue: 0x00), RGB(red: 0xCD, green: 0xCD, blue: 0x00),
        RGB(red: 0x00, green: 0x00, blue: 0xEE), RGB(red: 0xCD, green: 0x00, blue: 0xCD),
        RGB(red: 0x00, green: 0xCD, blue: 0xCD), RGB(red: 0xE5, green: 0xE5, blue: 0xE5),
        RGB(red: 0x7F, green: 0x7F, blue: 0x7F), RGB(red: 0xFF, green: 0x00, blue: 0x00),
        RGB(red: 0x00, green: 0xFF, blue: 0x00), RGB(red: 0xFF, green: 0xFF, blue: 0x00),
        RGB(red: 0x5C, green: 0x5C, blue: 0xFF), RGB(red: 0xFF, green: 0x00, blue: 0xFF),
        RGB(red: 0x00, green: 0xFF, blue: 0xFF), RGB(red: 0xFF, green: 0xFF, blue: 0xFF),
    ]

    private static let cubeLevels = [0x00, 0x5F, 0x87, 0xAF, 0xD7, 0xFF]

    static func rgb(ofIndex index: Int) -> RGB {
        switch index {
        case 0..<16:
            return basic[index]
        case 16..<232:
            let offset = index - 16
            return RGB(red: cubeLevels[offset / 36], green: cubeLevels[(offset / 6) % 6], blue: cubeLevels[offset % 6])
        default:
            let level = 8 + 10 * (index - 232)
            return RGB(red: level, green: level, blue: level)
        }
    }

    /// Returns the entry in `candidates` closest to `color`, the lowest index on a tie. A grey
    /// matches only grey entries (black and white count as grey), so that a dim grey does not
    /// turn cyan.
    static func nearestIndex(to color: RGB, among candidates: Range<Int>) -> Int {
        let allowed = isGrey(color) ? candidates.filter { isGrey(rgb(ofIndex: $0)) } : Array(candidates)
        var best = candidates.lowerBound
        var bestDistance = Int.max
        for index in allowed {
            let distance = distanceSquared(color, rgb(ofIndex: index))
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return best
    }

    /// Computes the squared "redmean" distance: the Euclidean RGB distance, with each channel
    /// weighted by how sensitive the eye is to it at the colours' mean red level. It ranks near
    /// colours better than plain Euclidean distance for the price of a few multiplications.
    static func distanceSquared(_ first: RGB, _ second: RGB) -> Int {
        let meanRed = (first.red + second.red) / 2
        let red = first.red - second.red
        let green = first.green - second.green
        let blue = first.blue - second.blue
        return (((512 + meanRed) * red * red) >> 8) + 4 * green * green + (((767 - meanRed) * blue * blue) >> 8)
    }

    /// Returns the entry among the basic colours (0–7, or 0–15 when `includesBright`) for `color`.
    ///
    /// The basic colours are fully saturated, so the nearest one by distance is often wrong for
    /// the softer colours themes use: a pale green is nearer to white or cyan than to green.
    /// A colour is therefore matched by hue, in six sectors of 60° around red, yellow, green,
    /// cyan, blue and magenta, and bright or not by its intensity and lightness. Greys, and colours too dark
    /// or too light to show a hue, match by distance among black, white and the bright greys.
    static func basicIndex(for color: RGB, includesBright: Bool) -> Int {
        let greatest = max(color.red, color.green, color.blue)
        let least = min(color.red, color.green, color.blue)
        if isGrey(color) || greatest < 64 || least > 208 {
            let greys = includesBright ? [0, 7, 8, 15] : [0, 7]
            return greys.min { distanceSquared(color, rgb(ofIndex: $0)) < distanceSquared(color, rgb(ofIndex: $1)) } ?? 0
        }

        let delta = Double(greatest - least)
        let red = Double(color.red)
        let green = Double(color.green)
        let blue = Double(color.blue)
        var hue: Double
        if color.red == greatest {
            hue = 60 * ((green - blue) / delta)
        } else if color.green == greatest {
            hue = 60 * ((blue - red) / delta + 2)
        } else {
            hue = 60 * ((red - green) / delta + 4)
        }
        if hue < 0 {
            hue += 360
        }

        let sectorColors = [1, 3, 2, 6, 4, 5]
        let base = sectorColors[Int((hue + 30) / 60) % 6]
        // xterm draws the normal colours at 0xCD and the bright ones at 0xFF.
        let isBright = greatest > 0xE6 || (greatest + least) / 2 > 0x9F
        return includesBright && isBright ? base + 8 : base
    }

    /// Returns whether `color` has so little saturation that it looks grey: its channels differ
    /// by less than 24 levels (of 255).
    static func isGrey(_ color: RGB) -> Bool {
        max(color.red, color.green, color.blue) - min(color.red, color.green, color.blue) < 24
    }

    /// Relative luminance from 0 to 1000, with the Rec. 709 weights on the channel values.
    static func luminance(_ color: RGB) -> Int {
        (2126 * color.red + 7152 * color.green + 722 * color.blue) / 2550
    }
}
