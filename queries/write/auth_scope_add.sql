-- One area an account may change (a kab/kota or kecamatan code, checked against the workspace's areas).
insert into user_scope (username, kode_wilayah) values ($username, $kode_wilayah)
