-- The source an upload's figures cite: the file's name and the day it was uploaded.
insert into source (source_id, kind, short, title, year, url_or_path, note)
values ($source_id, 'upload', $short, $title, $year, $file_name, $note)
