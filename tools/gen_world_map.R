# Generate data/world_map_110m.csv: Natural Earth's 1:110m Admin 0 countries
# (public domain; Debian r-cran-rnaturalearthdata, object countries110) as SVG
# path data for iscm.world_map_svg, simplified once, here, so that the
# extension ships a small sourced file and needs no geometry at run time.
#
#   apt-get install r-cran-rnaturalearthdata
#   Rscript tools/gen_world_map.R > data/world_map_110m.csv
#
# Projection: equirectangular, 2 px a degree (x = 2 (lon + 180), y = 2 (90 - lat)),
# a 720 x 360 frame.  Simplification: points rounded to whole px (half a
# degree), repeated points dropped, rings left with fewer than 3 points
# dropped (islands smaller than the grid).  Output is deterministic: rows by
# code, rings and points in the source's order.
suppressMessages(library(sp))
data(countries110, package = "rnaturalearthdata")
x <- countries110
version <- as.character(packageVersion("rnaturalearthdata"))

# Natural Earth's own codes where ISO 3166 has another or none is given
ne_to_iso <- c(KOS = "XKX", SDS = "SSD", SAH = "ESH", PSX = "PSE")

ring_path <- function(coords) {
    px <- round(2 * (coords[, 1] + 180))
    py <- round(2 * (90 - coords[, 2]))
    keep <- c(TRUE, (diff(px) != 0) | (diff(py) != 0))
    px <- px[keep]; py <- py[keep]
    if (length(px) > 1 && px[1] == px[length(px)] && py[1] == py[length(py)]) {
        px <- px[-length(px)]; py <- py[-length(py)]
    }
    if (length(px) < 3) return(NULL)
    paste0("M", px[1], " ", py[1], paste0("L", px[-1], " ", py[-1], collapse = ""), "Z")
}

csv_field <- function(s) paste0('"', gsub('"', '""', s, fixed = TRUE), '"')

rows <- character(0)
codes <- character(0)
for (i in seq_len(nrow(x@data))) {
    d <- x@data[i, ]
    iso <- as.character(d$iso_a3)
    adm <- as.character(d$adm0_a3)
    code <- if (!is.na(iso) && iso != "-99") iso else if (adm %in% names(ne_to_iso)) ne_to_iso[[adm]] else ""
    rings <- unlist(lapply(x@polygons[[i]]@Polygons, function(p) ring_path(p@coords)))
    if (length(rings) == 0) next
    source <- sprintf("Natural Earth 1:110m Admin 0 countries, via rnaturalearthdata %s countries110, feature adm0_a3 %s", version, adm)
    rows <- c(rows, paste(csv_field(code), csv_field(adm), csv_field(as.character(d$name_long)),
                          csv_field(paste(rings, collapse = "")), csv_field(source), sep = ","))
    codes <- c(codes, adm)
}
cat("country,ne_code,ne_name,path,source\n")
# a sep holding a newline also ends the last row
cat(rows[order(codes)], sep = "\n")
